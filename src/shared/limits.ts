/**
 * Input limits shared by the server's schemas and the web forms, so a form
 * never accepts what the server rejects. Lengths count characters after trimming.
 */
export const limits = {
  /** A person's name. */
  personName: { min: 1, max: 32 },
  /** A person's position (职务). */
  position: { max: 64 },
  /**
   * Phone numbers (mobile, office, duty room): 5 to 20 digits, spaces, `+`,
   * `-` and brackets, so numbers like "(0898) 6653-1234" fit.
   */
  phone: { pattern: /^[0-9+\-() ]{5,20}$/, min: 5, max: 20 },
  /** A unit's full name. */
  unitName: { min: 1, max: 64 },
  /** A unit's short name (简称). */
  shortName: { max: 16 },
  /** Short free texts such as a duty room's name. */
  shortText: { max: 64 },
  /** Sort order of units in lists. */
  sortOrder: { min: 0, max: 9999 },
  /** Account user names: a letter, then letters, digits, `.`, `_` or `-`. */
  username: { pattern: /^[A-Za-z][A-Za-z0-9._-]*$/, min: 3, max: 32 },
  /** An account's display name. */
  accountName: { min: 1, max: 32 },
  /** Page sizes that lists accept. */
  pageSize: { max: 100, default: 20 },
  /** Bounds of the password policy; `maxAgeDays` 0 means passwords never expire. */
  passwordPolicy: {
    minLength: { min: 8, max: 64 },
    minClasses: { min: 3, max: 4 },
    maxAgeDays: { min: 0, max: 365 },
  },
} as const;
