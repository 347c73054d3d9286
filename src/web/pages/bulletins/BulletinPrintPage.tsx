/** Print view of one issue: the A4 page alone, printed with the browser's print dialog. */
import { Button } from 'antd';
import { useParams } from 'react-router';
import { useBulletin } from '../../api/reports';
import { ErrorState, LoadingState } from '../../components/states';
import { BulletinPreview } from './bulletin-preview';

export default function BulletinPrintPage() {
  const { id } = useParams<{ id: string }>();
  const bulletin = useBulletin(id ?? null);
  if (bulletin.isLoading) return <LoadingState />;
  if (bulletin.isError || !bulletin.data) return <ErrorState error={bulletin.error} />;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', padding: 16, gap: 12 }}>
      <style>{'@media print { .no-print { display: none } @page { size: A4; margin: 0 } }'}</style>
      <Button className="no-print" type="primary" onClick={() => window.print()}>打印</Button>
      <BulletinPreview bulletin={bulletin.data} width={794} />
    </div>
  );
}
