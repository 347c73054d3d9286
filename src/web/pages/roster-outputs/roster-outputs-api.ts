import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiDownload, apiGet, apiSend, apiUpload } from '../../app/api-client';

export interface RosterSheetPerson {
  personId: string;
  name: string;
  phone: string | null;
}

export interface RosterSheet {
  month: string;
  title: string;
  centerName: string;
  status: 'draft' | 'published';
  withPhones: boolean;
  generatedAt: string;
  rows: {
    date: string;
    dateLabel: string;
    weekdayLabel: string;
    dayType: string;
    dayTypeLabel: string;
    dutyLevelLabel: string;
    commander: RosterSheetPerson | null;
    shiftLeader: RosterSheetPerson | null;
    officers: RosterSheetPerson[];
  }[];
}

export interface CalendarFeedStatus {
  personLinked: boolean;
  active: boolean;
  createdAt: string | null;
}

export function useRosterSheet(month: string, withPhones: boolean) {
  return useQuery({ queryKey: ['roster-sheet', month, withPhones], queryFn: () => apiGet<{ sheet: RosterSheet }>(`/api/roster-outputs/${month}/sheet`, { withPhones: withPhones ? 'true' : undefined }) });
}

export function downloadRosterExcel(month: string, withPhones: boolean): Promise<void> {
  return apiDownload(`/api/roster-outputs/${month}/export.xlsx${withPhones ? '?withPhones=true' : ''}`, `值班表-${month}.xlsx`);
}

export function useImportRoster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ month, file }: { month: string; file: File }) => apiUpload<{ imported: number }>(`/api/roster-outputs/${month}/import`, 'file', file),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['roster'] });
      await queryClient.invalidateQueries({ queryKey: ['rosters'] });
      await queryClient.invalidateQueries({ queryKey: ['roster-sheet'] });
    },
  });
}

const feedKey = ['calendar-feed'] as const;

export function useCalendarFeed() {
  return useQuery({ queryKey: feedKey, queryFn: () => apiGet<{ feed: CalendarFeedStatus }>('/api/calendar-feeds/me') });
}

export function useRotateFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend<{ token: string; path: string; createdAt: string }>('POST', '/api/calendar-feeds/me'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedKey }),
  });
}

export function useRevokeFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend<{ ok: true }>('DELETE', '/api/calendar-feeds/me'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedKey }),
  });
}
