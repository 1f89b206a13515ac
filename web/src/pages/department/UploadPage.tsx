// 上传CSV: a department submits its figures as a CSV file, sees the upload's progress, and gets
// either the count stored or the API's refusals by line and column, to fix and upload again.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Progress, Space, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { saveBlob, uploadFile } from '../../api/files';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { LocatedErrors } from '../../lib/LocatedErrors';
import { ProblemAlert } from '../../lib/problem';
import { useDue } from './useDue';

interface Stored {
  stored: number;
  created: number;
  updated: number;
  cycleNotified: boolean;
}

type Outcome = { status: 'idle' } | { status: 'sending'; percent: number } | { status: 'stored'; stored: Stored } | { status: 'refused'; error: unknown };

const header = 'period,communityId,metric,value';

/** A template with a line for every figure still due, its value left to fill in. */
function template(due: { period: string; community: string; metric: string }[]): string {
  const lines = due.length ? due.map((d) => `${d.period},${d.community},${d.metric},`) : ['2026-Q1,c01,satisfaction,0.95'];
  return [header, ...lines].join('\r\n') + '\r\n';
}

export default function UploadPage() {
  const { t } = useI18n();
  const session = useSession();
  const due = useDue(session.subjectId);
  const [file, setFile] = useState<UploadFile>();
  const [outcome, setOutcome] = useState<Outcome>({ status: 'idle' });
  const dueFigures = (due.data ?? []).flatMap((c) => c.due.map((d) => ({ ...d, period: c.period })));

  const send = async () => {
    if (!file?.originFileObj) return;
    setOutcome({ status: 'sending', percent: 0 });
    try {
      const stored = await uploadFile<Stored>('/metrics/csv', file.originFileObj, (percent) => setOutcome({ status: 'sending', percent }));
      setOutcome({ status: 'stored', stored });
      due.reload();
    } catch (error) {
      setOutcome({ status: 'refused', error });
    }
  };
  const refusal = outcome.status === 'refused' && outcome.error instanceof ApiError ? outcome.error : undefined;
  const located = refusal?.problem.errors?.some((e) => e.line !== undefined) ? refusal.problem.errors : undefined;

  return (
    <>
      <Typography.Title level={2}>{t('上传CSV', 'Upload a CSV')}</Typography.Title>
      <Typography.Paragraph>
        {t(
          `CSV 文件(UTF-8)第一行为表头 ${header},此后每行一项数据;比率填 0 到 1 之间的小数,件数填整数。整份文件全部正确才会保存。`,
          `A CSV file (UTF-8) with the header ${header}, then one figure per line; rates are decimals from 0 to 1, counts whole numbers. The file is stored only when every line is right.`,
        )}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button icon={<DownloadOutlined />} onClick={() => saveBlob(new Blob([template(dueFigures)], { type: 'text/csv' }), 'figures-template.csv')}>
          {t('下载模板', 'Download the template')}
        </Button>
        <Link to="/department/due">{t('查看待报送数据', 'See what is due')}</Link>
      </Space>
      <Card>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Upload
            accept=".csv,text/csv"
            maxCount={1}
            fileList={file ? [file] : []}
            beforeUpload={() => false}
            onChange={({ fileList }) => {
              setFile(fileList.at(-1));
              setOutcome({ status: 'idle' });
            }}
          >
            <Button icon={<UploadOutlined />}>{t('选择CSV文件', 'Choose a CSV file')}</Button>
          </Upload>
          <Button type="primary" disabled={!file || outcome.status === 'sending'} loading={outcome.status === 'sending'} onClick={() => void send()}>
            {t('上传并校验', 'Upload and check')}
          </Button>
          {outcome.status === 'sending' && (
            <div role="status">
              <Typography.Text>{t('正在上传并校验…', 'Uploading and checking…')}</Typography.Text>
              <Progress percent={outcome.percent} status="active" />
            </div>
          )}
        </Space>
      </Card>
      <div style={{ marginTop: 16 }}>
        {outcome.status === 'stored' && (
          <Alert
            type="success"
            showIcon
            title={t(
              `已接收 ${outcome.stored.stored} 项数据(新增 ${outcome.stored.created} 项,更新 ${outcome.stored.updated} 项)。`,
              `Accepted ${outcome.stored.stored} figures (${outcome.stored.created} new, ${outcome.stored.updated} updated).`,
            )}
            description={
              outcome.stored.cycleNotified
                ? t('正在收集数据的考核周期已收到通知。', 'The cycles collecting figures have been told.')
                : t('考核周期将在下次读取时看到这些数据。', 'The cycles will see these figures when they next read.')
            }
          />
        )}
        {outcome.status === 'refused' && (
          <>
            {located ? (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 16 }}
                title={t(
                  `文件未保存:发现 ${located.length} 处错误,请按下表改正后重新上传。`,
                  `Nothing was stored: ${located.length} errors, listed below; fix them and upload again.`,
                )}
                description={refusal!.problem.requestId && `${t('请求编号', 'Request id')}: ${refusal!.problem.requestId}`}
              />
            ) : (
              <ProblemAlert error={outcome.error} />
            )}
            {located && <LocatedErrors errors={located} caption={t('CSV中的错误', 'Errors in the CSV')} />}
          </>
        )}
      </div>
    </>
  );
}
