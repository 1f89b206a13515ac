// 导入导出: the community's cards from the spreadsheet a station already keeps (CSV or XLSX, the
// columns of docs/register.md), in the mode the user chooses — 全部或不导入 writes nothing while any
// row is wrong, 仅导入正确行 writes the right rows and lists the others —, followed while the server
// works through it (GET /register/imports/:id), its errors by line and column; and the register
// exported in the same shape.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Progress, Radio, Space, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { register, type ImportMode, type RegisterImport } from '../../api/register';
import { useT } from '../../app/i18n';
import { LocatedErrors } from '../../lib/LocatedErrors';
import { ProblemAlert } from '../../lib/problem';
import { usePolling } from '../../lib/usePolling';

type Step = { step: 'idle' } | { step: 'sending'; percent: number } | { step: 'sent'; job: RegisterImport } | { step: 'failed'; error: unknown };

const percentOf = (job: RegisterImport) => (job.rowsTotal ? Math.floor((job.rowsDone / job.rowsTotal) * 100) : 0);

function Outcome({ job }: { job: RegisterImport }) {
  const t = useT();
  if (job.status === 'running')
    return (
      <div role="status">
        <Typography.Text>
          {t(`正在导入:已处理 ${job.rowsDone} / ${job.rowsTotal} 行`, `Importing: ${job.rowsDone} of ${job.rowsTotal} rows done`)}
        </Typography.Text>
        <Progress percent={percentOf(job)} status="active" />
      </div>
    );
  const outcome =
    job.status === 'done' ? (
      <Alert
        type={job.errors.length ? 'warning' : 'success'}
        showIcon
        title={
          job.errors.length
            ? t(
                `导入完成:写入 ${job.rowsWritten} 行,跳过 ${job.errors.length} 处错误所在的行。`,
                `Imported: ${job.rowsWritten} rows written, the rows of ${job.errors.length} errors skipped.`,
              )
            : t(`导入完成:共 ${job.rowsTotal} 行,写入 ${job.rowsWritten} 行。`, `Imported: ${job.rowsTotal} rows, ${job.rowsWritten} written.`)
        }
      />
    ) : job.status === 'refused' ? (
      <Alert
        type="error"
        showIcon
        title={t(
          `未导入:发现 ${job.errors.length} 处错误,整份文件未写入。请按下表改正后重新上传。`,
          `Nothing was imported: ${job.errors.length} errors, listed below; fix them and upload again.`,
        )}
      />
    ) : (
      <Alert type="error" showIcon title={t('导入失败,请稍后重试或联系管理员。', 'The import failed; try again later or ask the administrator.')} />
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {outcome}
      {job.errors.length > 0 && <LocatedErrors errors={job.errors} caption={t('导入文件中的错误', 'Errors in the imported file')} />}
    </Space>
  );
}

export function ImportTab({ communityId, keeps }: { communityId: string; keeps: boolean }) {
  const t = useT();
  const [file, setFile] = useState<UploadFile>();
  const [mode, setMode] = useState<ImportMode>('all-or-nothing');
  const [state, setState] = useState<Step>({ step: 'idle' });
  const [exportError, setExportError] = useState<unknown>();
  const running = state.step === 'sent' && state.job.status === 'running';

  usePolling(
    () => {
      if (state.step !== 'sent') return;
      register.importStatus(state.job.id).then(
        (job) => setState({ step: 'sent', job }),
        (error: unknown) => setState({ step: 'failed', error }),
      );
    },
    running,
    1000,
  );

  const send = async () => {
    if (!file?.originFileObj) return;
    setState({ step: 'sending', percent: 0 });
    try {
      const job = await register.startImport(communityId, mode, file.originFileObj, (percent) => setState({ step: 'sending', percent }));
      setState({ step: 'sent', job });
    } catch (error) {
      setState({ step: 'failed', error });
    }
  };
  const exportAs = (format: 'csv' | 'xlsx') => {
    setExportError(undefined);
    register.exportFile(communityId, format).catch(setExportError);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {keeps && (
        <Card title={t('导入户卡', 'Import household cards')}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph>
              {t(
                '上传 CSV 或 XLSX 文件,表头为:楼栋号、门牌号、户号、姓名、身份证号、联系电话、人员类别、起始日期、暂住登记日期、居住证号、居住证有效期至、重点人口类别、列管日期;可另加帮教小组的治保干部、治保干部电话、家长、家长电话,以及门牌出租房屋的出租房屋房东、出租起始日期、出租房屋最近检查日期。同一文件重复上传不会重复写入。',
                'Upload a CSV or XLSX file with the headers building, door, card, name, idNumber, phone, class, fromDate, registeredOn, permitNumber, permitExpiresOn, keyPersonCategory, listedOn, and optionally the help group’s securityCadre, securityCadrePhone, parent, parentPhone and the rented home’s landlord, rentedFrom, lastInspectedOn (or their Chinese names). Uploading the same file again writes nothing twice.',
              )}
            </Typography.Paragraph>
            <Radio.Group
              aria-label={t('导入方式', 'Import mode')}
              value={mode}
              onChange={(e) => setMode(e.target.value as ImportMode)}
              options={[
                { value: 'all-or-nothing', label: t('全部或不导入', 'All or nothing') },
                { value: 'partial', label: t('仅导入正确行', 'Only the correct rows') },
              ]}
            />
            <Upload
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              fileList={file ? [file] : []}
              beforeUpload={() => false}
              onChange={({ fileList }) => {
                setFile(fileList.at(-1));
                setState({ step: 'idle' });
              }}
            >
              <Button icon={<UploadOutlined />}>{t('选择文件', 'Choose a file')}</Button>
            </Upload>
            <Button
              type="primary"
              disabled={!file || state.step === 'sending' || running}
              loading={state.step === 'sending' || running}
              onClick={() => void send()}
            >
              {t('上传并导入', 'Upload and import')}
            </Button>
            {state.step === 'sending' && (
              <div role="status">
                <Typography.Text>{t('正在上传…', 'Uploading…')}</Typography.Text>
                <Progress percent={state.percent} status="active" />
              </div>
            )}
            {state.step === 'sent' && <Outcome job={state.job} />}
            {state.step === 'failed' && <ProblemAlert error={state.error} />}
          </Space>
        </Card>
      )}
      <Card title={t('导出', 'Export')}>
        <Typography.Paragraph>
          {t(
            '导出文件与导入的列相同,并注明导出人和导出时间;每次导出都有记录。',
            'The export has the import’s columns and names who exported it and when; every export is recorded.',
          )}
        </Typography.Paragraph>
        <ProblemAlert error={exportError} onClose={() => setExportError(undefined)} />
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={() => exportAs('xlsx')}>
            {t('导出 Excel', 'Export Excel')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => exportAs('csv')}>
            {t('导出 CSV', 'Export CSV')}
          </Button>
        </Space>
      </Card>
    </Space>
  );
}
