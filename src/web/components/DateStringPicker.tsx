/**
 * antd DatePicker for a form field that contains a `YYYY-MM-DD` string, so forms
 * keep sending plain dates while the user gets the Chinese calendar picker.
 */
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { CSSProperties } from 'react';

const DATE_FORMAT = 'YYYY-MM-DD';

export function DateStringPicker({
  value,
  onChange,
  style,
  ...rest
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  style?: CSSProperties;
  'aria-label'?: string;
  id?: string;
}) {
  const parsed = value ? dayjs(value) : null;
  return (
    <DatePicker
      {...rest}
      style={{ width: '100%', ...style }}
      format={DATE_FORMAT}
      value={parsed?.isValid() ? parsed : null}
      onChange={(date) => onChange?.(date ? date.format(DATE_FORMAT) : null)}
    />
  );
}
