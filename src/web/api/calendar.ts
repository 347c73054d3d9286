import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../app/api-client';

/** Day type of the duty calendar, as `GET /api/calendar/days` returns it. */
export type DayType = 'workday' | 'weekend' | 'holiday' | 'makeup_workday' | 'sensitive';
export type DutyLevel = 'in_post' | 'two_level' | 'three_level';
export type OfficialDayType = 'holiday' | 'makeup_workday' | 'workday' | 'weekend';

export const dayTypeLabels: Record<DayType, string> = {
  workday: '工作日',
  weekend: '周六周日',
  holiday: '法定节假日',
  makeup_workday: '调休上班日',
  sensitive: '重要敏感时期',
};

export const dutyLevelLabels: Record<DutyLevel, string> = {
  in_post: '在岗值班',
  two_level: '两级值班带班',
  three_level: '三级值班带班',
};

/** Cell colours of the roster calendar: holidays red, sensitive periods orange, make-up workdays blue. */
export const dayTypeColors: Record<DayType, { background: string; tag: string }> = {
  workday: { background: '#ffffff', tag: 'default' },
  weekend: { background: '#f6ffed', tag: 'green' },
  holiday: { background: '#fff1f0', tag: 'red' },
  makeup_workday: { background: '#e6f4ff', tag: 'blue' },
  sensitive: { background: '#fff7e6', tag: 'orange' },
};

export interface CalendarDay {
  date: string;
  dayType: DayType;
  dutyLevel: DutyLevel;
  name: string | null;
  official: boolean;
}

export interface SensitivePeriod {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  note: string | null;
  updatedAt: string;
}

export interface SensitivePeriodInput {
  name: string;
  startDate: string;
  endDate: string;
  note?: string | null;
}

export interface CalendarOverride {
  id: string;
  date: string;
  dayType: OfficialDayType;
  name: string | null;
  note: string | null;
  updatedAt: string;
}

export function useCalendarDays(from: string, to: string) {
  return useQuery({
    queryKey: ['calendar', 'days', from, to],
    queryFn: () => apiGet<{ days: CalendarDay[] }>('/api/calendar/days', { from, to }),
  });
}

export function useSensitivePeriods() {
  return useQuery({ queryKey: ['calendar', 'periods'], queryFn: () => apiGet<{ periods: SensitivePeriod[] }>('/api/calendar/sensitive-periods') });
}

export function useCalendarOverrides(year: number) {
  return useQuery({ queryKey: ['calendar', 'overrides', year], queryFn: () => apiGet<{ overrides: CalendarOverride[] }>('/api/calendar/overrides', { year }) });
}

function useCalendarMutation<TInput>(send: (input: TInput) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: ['calendar'] }),
  });
}

export function useSaveSensitivePeriod() {
  return useCalendarMutation((input: SensitivePeriodInput & { id?: string }) => {
    const { id, ...body } = input;
    return id ? apiSend('PUT', `/api/calendar/sensitive-periods/${id}`, body) : apiSend('POST', '/api/calendar/sensitive-periods', body);
  });
}

export function useDeleteSensitivePeriod() {
  return useCalendarMutation((id: string) => apiSend('DELETE', `/api/calendar/sensitive-periods/${id}`));
}

export function useSaveCalendarOverride() {
  return useCalendarMutation((input: { date: string; dayType: OfficialDayType; name?: string | null; note?: string | null }) =>
    apiSend('PUT', '/api/calendar/overrides', input),
  );
}

export function useDeleteCalendarOverride() {
  return useCalendarMutation((id: string) => apiSend('DELETE', `/api/calendar/overrides/${id}`));
}
