import { App, Switch, Table, Tag } from 'antd';
import { useSeats, useUpdateSeat, type Seat } from '../../api/seats';
import { useCurrentUser } from '../../app/auth';
import { useShowError } from '../../components/feedback';
import { ErrorState } from '../../components/states';

/** 席位配置: name, responsible departments, order and whether the seat is in use; only the system administrator switches seats. */
export function SeatConfigTable() {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const showError = useShowError();
  const seats = useSeats();
  const update = useUpdateSeat();
  const isAdmin = user.roles.includes('sys_admin');

  function handleActive(seat: Seat, active: boolean) {
    update.mutate({ id: seat.id, patch: { active } }, { onSuccess: () => void message.success(`已${active ? '启用' : '停用'}“${seat.name}”席位`), onError: (error) => showError(error) });
  }

  if (seats.error) return <ErrorState error={seats.error} onRetry={() => void seats.refetch()} />;
  return (
    <Table<Seat>
      size="small"
      rowKey="id"
      loading={seats.isLoading}
      dataSource={seats.data?.seats ?? []}
      pagination={false}
      columns={[
        { title: '排序', dataIndex: 'sortOrder', width: 70 },
        { title: '席位', dataIndex: 'name', width: 160, render: (name: string, seat) => <>{name} {seat.isGeneral ? <Tag color="blue">常设</Tag> : null}</> },
        { title: '责任单位', render: (_value, seat) => (seat.isGeneral ? '指挥中心（当日值班员）' : seat.units.map((unit) => unit.name).join('、') || '—') },
        {
          title: '使用中',
          width: 100,
          render: (_value, seat) => <Switch checked={seat.active} disabled={!isAdmin || seat.isGeneral} onChange={(checked) => handleActive(seat, checked)} aria-label={`${seat.name}是否使用`} />,
        },
      ]}
    />
  );
}
