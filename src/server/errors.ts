/**
 * The error catalogue: every error the API returns has a stable English code,
 * an HTTP status and a Chinese message with the user's next step. Modules add
 * their codes here so the catalogue stays in one place.
 */
export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, message: '提交的内容不符合要求，请按提示修改后重试。' },
  MALFORMED_REQUEST: { status: 400, message: '请求格式不正确，请刷新页面后重试。' },
  CLASSIFIED_CONTENT: {
    status: 422,
    message: '内容含有密级标识。本系统为非涉密系统，不得录入涉密内容，请通过涉密渠道报送。',
  },
  INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误，请重新输入。' },
  ACCOUNT_LOCKED: { status: 423, message: '密码连续错误次数过多，账号已临时锁定，请稍后再试或联系安全管理员解锁。' },
  ACCOUNT_DISABLED: { status: 403, message: '账号已停用，请联系系统管理员。' },
  NOT_AUTHENTICATED: { status: 401, message: '尚未登录或登录已超时，请重新登录。' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '首次登录或密码已重置，请先修改密码。' },
  FORBIDDEN: { status: 403, message: '您的角色无权执行此操作。如确需办理，请联系有相应权限的人员。' },
  NOT_FOUND: { status: 404, message: '要查找的记录不存在或已被删除，请刷新后重试。' },
  ROUTE_NOT_FOUND: { status: 404, message: '请求的接口不存在，请检查地址。' },
  CONFLICT: { status: 409, message: '数据已被他人修改，请刷新后重试。' },
  DUPLICATE: { status: 409, message: '记录已存在，请勿重复提交。' },
  WEAK_PASSWORD: { status: 400, message: '密码不符合安全策略，请按提示设置新密码。' },
  WRONG_CURRENT_PASSWORD: { status: 400, message: '当前密码不正确，请重新输入。' },
  IMPORT_FAILED: { status: 400, message: '导入文件有错误，未导入任何数据，请按错误清单修改后重新导入。' },
  FILE_TOO_LARGE: { status: 413, message: '上传的文件过大，请压缩后重新上传。' },
  UNSUPPORTED_FILE_TYPE: { status: 415, message: '不支持该文件类型，请上传规定格式的文件。' },
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后再试。' },
  INVALID_STATE: { status: 409, message: '当前状态下不能执行此操作，请刷新后查看最新状态。' },
  CLASSIFIED_METADATA_ONLY: { status: 422, message: '密传文件只登记元数据，不得录入正文或上传附件，请删除正文和附件后重新登记。' },
  ROSTER_HAS_GAPS: { status: 409, message: '排班存在空缺或冲突，不能发布，请按清单补齐后再发布。' },
  ROSTER_PUBLISHED: { status: 409, message: '排班已发布，不能直接修改，请通过换班或替班申请调整。' },
  CONFIRMATION_REQUIRED: { status: 409, message: '此操作会改变已发布的数据，请确认后重试。' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: '该提交编号已用于内容不同的另一次报送，请刷新页面后重新提交。' },
  INTERNAL_ERROR: { status: 500, message: '系统内部错误，请稍后重试；如仍有问题，请联系系统管理员并提供错误编号。' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

/** An error the API reports to the user with its catalogue entry. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  /** `message` replaces the catalogue text when the case needs a more precise instruction. */
  constructor(code: ErrorCode, message?: string, details?: unknown) {
    const entry = errorCatalogue[code];
    super(message ?? entry.message);
    this.code = code;
    this.status = entry.status;
    this.details = details;
  }
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what}不存在或已被删除，请刷新后重试。`);
}

export function invalidField(field: string, fix: string): AppError {
  return new AppError('VALIDATION_FAILED', `「${field}」${fix}`, { fields: [{ field, message: fix }] });
}

export function invalidState(message: string): AppError {
  return new AppError('INVALID_STATE', message);
}

export function forbidden(message?: string): AppError {
  return new AppError('FORBIDDEN', message);
}
