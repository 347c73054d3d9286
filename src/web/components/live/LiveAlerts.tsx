/**
 * The global live-alert component of the signed-in layout: every live event
 * refreshes the data it concerns, shows a notice on screen, and urgent ones
 * also play a sound and raise a browser notification when permitted.
 */
import { BellOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { playAlertSound } from './alert-sound';
import { useLiveConnectionState, useLiveEvents, type LiveEvent } from './live-events';

const connectionLabels = { open: '实时提醒已连接', connecting: '实时提醒正在连接…', closed: '实时提醒未连接' } as const;
const connectionBadges = { open: 'success', connecting: 'processing', closed: 'error' } as const;

function incidentIdOf(event: LiveEvent): string | null {
  const data = event.data as { incidentId?: unknown } | undefined;
  return typeof data?.incidentId === 'string' ? data.incidentId : null;
}

export function LiveAlerts() {
  const { notification } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const connection = useLiveConnectionState();
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>(typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);

  function handleEvent(event: LiveEvent) {
    // The event's module prefix ("incident.created" → incidents) names the queries to refresh.
    const module = event.type.split('.')[0];
    void queryClient.invalidateQueries({ predicate: (query) => String(query.queryKey[0]).startsWith(module ?? '') });
    if (!event.urgent && event.type.endsWith('.updated')) return;

    const incidentId = incidentIdOf(event);
    notification.open({
      type: event.urgent ? 'warning' : 'info',
      title: event.urgent ? '紧急提醒' : '提醒',
      description: event.title,
      duration: event.urgent ? 0 : 6,
      placement: 'topRight',
      onClick: incidentId ? () => void navigate(`/incidents/${incidentId}`) : undefined,
    });
    if (!event.urgent) return;
    playAlertSound();
    if (permission === 'granted') {
      const shown = new Notification('值班值守系统提醒', { body: event.title, tag: `${event.type}:${incidentId ?? event.at}` });
      shown.onclick = () => {
        window.focus();
        if (incidentId) void navigate(`/incidents/${incidentId}`);
      };
    }
  }

  function handleReconnect() {
    // Events sent while the connection was down are lost: refetch what is on screen.
    void queryClient.invalidateQueries();
  }

  async function handleEnableNotifications() {
    if (typeof Notification === 'undefined') return;
    setPermission(await Notification.requestPermission());
    playAlertSound();
  }

  useLiveEvents(handleEvent, handleReconnect);

  return (
    <Tooltip title={permission === 'default' ? `${connectionLabels[connection]}，点击开启桌面通知和提示音` : connectionLabels[connection]}>
      <Badge status={connectionBadges[connection]} offset={[-4, 4]} dot>
        <Button icon={<BellOutlined />} aria-label="实时提醒" data-testid="live-alerts" onClick={permission === 'default' ? handleEnableNotifications : undefined}>
          {permission === 'default' ? '开启提醒' : null}
        </Button>
      </Badge>
    </Tooltip>
  );
}
