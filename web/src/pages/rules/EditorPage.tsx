// Editing the rules: the version in force as JSON text beside the fact catalogue; "校验" asks the
// API's validator and marks each error at its line; then the diff against the version in force,
// a back-test on the county's decided periods, and publishing with an effective date.
import type { Diagnostic } from '@codemirror/lint';
import { Alert, Button, Card, Col, List, Row, Space, Spin, Typography, message } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { BacktestReport } from '../../../../src/core/backtest';
import { api, call } from '../../api/client';
import { useI18n, useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { ProblemAlert } from '../../lib/problem';
import { useLoad } from '../../lib/useLoad';
import { BacktestView } from './BacktestView';
import { effectiveFrom } from './effective';
import { diagnosticsOf, syntaxDiagnostic } from './diagnostics';
import { FactCatalogue } from './FactCatalogue';
import { versionInForce } from './inForce';
import { JsonEditor } from './JsonEditor';
import { RuleDiff } from './RuleDiff';
import { SaveForm } from './SaveForm';
import { todayIn } from '../../lib/today';

type Base = Awaited<ReturnType<typeof versionInForce>>;

export default function EditorPage() {
  const t = useT();
  const base = useLoad(versionInForce, []);
  return (
    <>
      <Typography.Title level={2}>{t('编辑规则', 'Edit rules')}</Typography.Title>
      <ProblemAlert error={base.error} />
      {base.data ? <Editing base={base.data} /> : !base.error && <Spin />}
    </>
  );
}

function Editing({ base }: { base: Base }) {
  const { lang, t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const original = useMemo(() => JSON.stringify(base.document, null, 2), [base]);
  const [text, setText] = useState(original);
  const [diagnostics, setDiagnostics] = useState<readonly Diagnostic[]>([]);
  const [checked, setChecked] = useState<{ valid?: string; error?: unknown }>();
  const [diffOf, setDiffOf] = useState<string>();
  const [backtest, setBacktest] = useState<{ running: boolean; report?: BacktestReport; error?: unknown }>();

  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  /** The parsed text, or undefined with the syntax error marked in the editor. */
  const parsed = (): unknown => {
    const syntax = syntaxDiagnostic(text);
    setDiagnostics(syntax ? [syntax] : []);
    return syntax ? undefined : JSON.parse(text);
  };
  /** Marks a document's located errors in the editor; true when there were some. */
  const locate = (err: unknown, prefix = '') => {
    const found = diagnosticsOf(err, text, prefix);
    setDiagnostics(found);
    return found.length > 0;
  };

  const validate = async () => {
    const doc = parsed();
    if (doc === undefined) return setChecked({});
    try {
      const answer = await call(api.POST('/rulesets/validate', { body: doc }));
      setChecked({ valid: answer.name });
    } catch (err) {
      locate(err);
      setChecked({ error: err });
    }
  };

  const runBacktest = async () => {
    const doc = parsed();
    if (doc === undefined) return;
    setBacktest({ running: true });
    try {
      const report = await call(api.POST('/rulesets/backtest', { body: { document: doc } }));
      setBacktest({ running: false, report: report as unknown as BacktestReport });
    } catch (err) {
      locate(err, '/document');
      setBacktest({ running: false, error: err });
    }
  };

  const errorsShown = diagnostics.length > 0;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Alert
        type="info"
        title={t(
          `以现行版本 #${base.id}「${base.name}」(${effectiveFrom(base.effectiveFrom, session.timeZone, lang)}起生效)为基础编辑。`,
          `Editing from the version in force, #${base.id} "${base.name}" (effective ${effectiveFrom(base.effectiveFrom, session.timeZone, lang)}).`,
        )}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card
            size="small"
            title={t('规则文档 (JSON)', 'Rule-set document (JSON)')}
            extra={
              <Space wrap>
                <Button type="primary" onClick={() => void validate()}>
                  {t('校验', 'Validate')}
                </Button>
                <Button onClick={() => setDiffOf(text)}>{t('对比现行版本', 'Compare with the version in force')}</Button>
                <Button onClick={() => void runBacktest()} loading={backtest?.running}>
                  {t('回测', 'Back-test')}
                </Button>
              </Space>
            }
          >
            <JsonEditor
              initial={original}
              label={t('规则文档编辑区', 'Rule-set document editor')}
              diagnostics={diagnostics}
              onChange={(edited) => {
                setText(edited);
                setChecked(undefined);
              }}
            />
            {checked?.valid && !errorsShown && (
              <Alert style={{ marginTop: 12 }} type="success" showIcon title={t(`校验通过:「${checked.valid}」`, `Valid: "${checked.valid}"`)} />
            )}
            {errorsShown && (
              <List
                style={{ marginTop: 12 }}
                size="small"
                bordered
                header={<Typography.Text type="danger">{t(`发现 ${diagnostics.length} 处错误`, `${diagnostics.length} error(s) found`)}</Typography.Text>}
                dataSource={[...diagnostics]}
                renderItem={(d) => (
                  <List.Item>
                    <Typography.Text>
                      <strong>{t(`第 ${lineOf(d.from)} 行`, `Line ${lineOf(d.from)}`)}</strong> <Typography.Text code>{d.source}</Typography.Text> {d.message}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            )}
            {checked?.error !== undefined && !errorsShown && <ProblemAlert error={checked.error} />}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('可用事实', 'Facts the rules may use')} styles={{ body: { maxHeight: 580, overflow: 'auto' } }}>
            <FactCatalogue />
          </Card>
        </Col>
      </Row>
      {diffOf !== undefined && (
        <Card size="small" title={t('与现行版本对比', 'Changes from the version in force')}>
          <RuleDiff original={original} edited={diffOf} />
        </Card>
      )}
      {backtest && (
        <Card size="small" title={t('回测:按新规则重新判定已决周期', 'Back-test: the decided periods re-decided under the edited rules')}>
          {backtest.running ? (
            <Spin tip={t('正在以历史数据重新判定各考核周期…', 'Re-deciding every decided period from its stored figures…')}>
              <div style={{ height: 80 }} />
            </Spin>
          ) : backtest.report ? (
            <BacktestView report={backtest.report} />
          ) : (
            <ProblemAlert error={backtest.error} />
          )}
        </Card>
      )}
      <Card size="small" title={t('发布为新版本', 'Publish as a new version')}>
        <SaveForm
          today={todayIn(session.timeZone)}
          document={parsed}
          onDocumentError={(err) => locate(err, '/document')}
          onSaved={(id) => {
            message.success(t(`已发布规则版本 #${id}`, `Published rule-set version #${id}`));
            void navigate('/rules/versions');
          }}
        />
      </Card>
    </Space>
  );
}
