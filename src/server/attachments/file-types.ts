/**
 * Accepted upload types, checked by extension AND by the file's first bytes,
 * so a renamed executable is rejected.
 */
export interface FileType {
  mimeType: string;
  extensions: string[];
  label: string;
  matches(head: Buffer): boolean;
}

const startsWith = (head: Buffer, bytes: number[], offset = 0) => bytes.every((byte, index) => head[offset + index] === byte);
const zip = (head: Buffer) => startsWith(head, [0x50, 0x4b, 0x03, 0x04]);
const ole = (head: Buffer) => startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export const fileTypes: FileType[] = [
  { mimeType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG 图片', matches: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
  { mimeType: 'image/png', extensions: ['png'], label: 'PNG 图片', matches: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47]) },
  { mimeType: 'image/gif', extensions: ['gif'], label: 'GIF 图片', matches: (h) => startsWith(h, [0x47, 0x49, 0x46, 0x38]) },
  { mimeType: 'image/webp', extensions: ['webp'], label: 'WebP 图片', matches: (h) => startsWith(h, [0x52, 0x49, 0x46, 0x46]) && startsWith(h, [0x57, 0x45, 0x42, 0x50], 8) },
  { mimeType: 'application/pdf', extensions: ['pdf'], label: 'PDF 文件', matches: (h) => startsWith(h, [0x25, 0x50, 0x44, 0x46]) },
  { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], label: 'Word 文档', matches: zip },
  { mimeType: 'application/msword', extensions: ['doc'], label: 'Word 文档', matches: ole },
  { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], label: 'Excel 表格', matches: zip },
  { mimeType: 'video/mp4', extensions: ['mp4'], label: 'MP4 视频', matches: (h) => startsWith(h, [0x66, 0x74, 0x79, 0x70], 4) },
];

export const acceptedExtensions = fileTypes.flatMap((type) => type.extensions);

/** Returns the file's type, or null when the extension is not accepted or the content does not match it. */
export function detectFileType(fileName: string, head: Buffer): FileType | null {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  const type = fileTypes.find((candidate) => candidate.extensions.includes(extension));
  if (!type || !type.matches(head)) return null;
  return type;
}
