import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { currentDutyDate } from '../../api/duty-report';

/** Reads the page's duty date from `?date=`, today's duty date by default, and returns a setter. */
export function useDutyDateParam(): [string, (date: string) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('date');
  const date = raw && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : currentDutyDate();
  return [date, (next) => setParams((current) => {
    const copy = new URLSearchParams(current);
    copy.set('date', next);
    return copy;
  })];
}

/** Picks a duty date (值班日：当日 08:30 至次日 08:30). */
export function DutyDatePicker({ value, onChange }: { value: string; onChange: (date: string) => void }) {
  return (
    <DatePicker
      aria-label="值班日"
      allowClear={false}
      value={dayjs(value)}
      format="YYYY-MM-DD"
      onChange={(next) => next && onChange(next.format('YYYY-MM-DD'))}
    />
  );
}
