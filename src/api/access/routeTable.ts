// The one table of who may call what. For every operation of the API: its method and path, and
// for every role that may call it, which objects it reaches:
//   county  any object of the caller's county (a province reader: of every county);
//   own     only the caller's own: their notices, visits, money, figures, appeals, their station's
//           officers, their own account. What "own" means for an operation is written beside it.
// A role not listed gets 403; an object outside the caller's reach answers 404 whether or not it
// exists, so another county's ids leak nothing. Operations marked `anyone` need no sign-in.
// Express tries routes in this order: a more specific path comes before one that would swallow it.
import type { Role } from '../../contracts/roles.js';

export type Reach = 'county' | 'own';
export type Access = Partial<Record<Role, Reach>> | 'anyone';
export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface RouteSpec {
  method: Method;
  /** Under /api, in Express 5 syntax (`:id`, `*id` for ids with slashes). */
  path: string;
  /** Chinese first, as the console and the OpenAPI document show it. */
  summary: string;
  access: Access;
  /** What `own` means here, for the README's matrix. */
  own?: string;
}

/** Bureau staff, the bureau head and province readers read the county's records. */
const readers = { 'bureau-staff': 'county', 'bureau-head': 'county', 'province-reader': 'county' } as const;
/** Every role of a county, each reading the county's shared registry. */
const everyone = { ...readers, leader: 'county', officer: 'county', department: 'county', station: 'county', finance: 'county' } as const;
/** Every signed-in user, each about themselves. */
const themselves = {
  'bureau-staff': 'own',
  'bureau-head': 'own',
  leader: 'own',
  officer: 'own',
  department: 'own',
  station: 'own',
  finance: 'own',
  'province-reader': 'own',
} as const;
const staff = { 'bureau-staff': 'county' } as const;
/** The population register: each role's own communities (src/register/access.ts); the department reads only. */
const registerReaders = { officer: 'own', station: 'own', department: 'own' } as const;
const registerOwn = "the communities the officer serves, the station's officers serve; every community for the population brigade";
const registerKeeps = "the communities the officer serves, the station's officers serve (the population brigade reads only)";

export const routeTable = {
  // Accounts and sign-in
  signIn: { method: 'post', path: '/session', summary: '登录', access: 'anyone' },
  currentSession: { method: 'get', path: '/session', summary: '当前登录用户', access: themselves, own: 'the caller' },
  signOut: { method: 'delete', path: '/session', summary: '退出登录', access: themselves, own: 'the caller' },
  changePassword: { method: 'post', path: '/session/password', summary: '修改密码', access: themselves, own: 'the caller' },
  acceptInvitation: { method: 'post', path: '/invitations/acceptance', summary: '接受邀请并设置密码', access: 'anyone' },
  listUsers: { method: 'get', path: '/users', summary: '用户列表', access: { 'bureau-staff': 'county', 'bureau-head': 'county' } },
  inviteUser: { method: 'post', path: '/users', summary: '邀请用户', access: staff },
  getUser: { method: 'get', path: '/users/:id', summary: '查看用户', access: { 'bureau-staff': 'county', 'bureau-head': 'county' } },
  reissueInvitation: { method: 'post', path: '/users/:id/invitations', summary: '重新发送邀请码', access: staff },
  disableUser: { method: 'post', path: '/users/:id/disable', summary: '停用用户', access: staff },
  listTokens: { method: 'get', path: '/tokens', summary: '我的访问令牌', access: themselves, own: "the caller's tokens" },
  createToken: { method: 'post', path: '/tokens', summary: '创建访问令牌', access: themselves, own: 'for the caller' },
  revokeToken: { method: 'delete', path: '/tokens/:id', summary: '吊销访问令牌', access: themselves, own: "the caller's token" },
  listCounties: { method: 'get', path: '/counties', summary: '县局列表', access: everyone },
  getCounty: { method: 'get', path: '/counties/:id', summary: '查看县局', access: everyone },

  // The registry
  listCommunities: { method: 'get', path: '/communities', summary: '社区列表', access: everyone },
  createCommunity: { method: 'post', path: '/communities', summary: '新建社区', access: staff },
  getCommunity: { method: 'get', path: '/communities/:id', summary: '查看社区', access: everyone },
  updateCommunity: { method: 'patch', path: '/communities/:id', summary: '修改社区', access: staff },
  listOfficers: {
    method: 'get',
    path: '/officers',
    summary: '民警列表',
    access: { ...readers, leader: 'own', station: 'own' },
    own: "a station's officers; the officers bound to the leader's community",
  },
  createOfficer: { method: 'post', path: '/officers', summary: '新建民警', access: staff },
  getOfficer: {
    method: 'get',
    path: '/officers/:id',
    summary: '查看民警',
    access: { ...readers, leader: 'own', officer: 'own', station: 'own' },
    own: "oneself; a station's officers; the officers bound to the leader's community",
  },
  updateOfficer: { method: 'patch', path: '/officers/:id', summary: '修改民警信息', access: { ...staff, officer: 'own' }, own: "one's own email" },
  listOfficerPostings: {
    method: 'get',
    path: '/officers/:id/postings',
    summary: '民警任职记录',
    access: { ...readers, officer: 'own', station: 'own' },
    own: "oneself; a station's officers",
  },
  listLeaders: { method: 'get', path: '/leaders', summary: '联系领导列表', access: readers },
  createLeader: { method: 'post', path: '/leaders', summary: '新建联系领导', access: staff },
  getLeader: { method: 'get', path: '/leaders/:id', summary: '查看联系领导', access: { ...readers, leader: 'own' }, own: 'oneself' },
  updateLeader: { method: 'patch', path: '/leaders/:id', summary: '修改联系领导信息', access: { ...staff, leader: 'own' }, own: "one's own email" },
  getLeaderScorecard: { method: 'get', path: '/leaders/:id/scorecard', summary: '联系领导考核卡', access: { ...readers, leader: 'own' }, own: 'oneself' },
  listDepartments: { method: 'get', path: '/departments', summary: '部门列表', access: readers },
  createDepartment: { method: 'post', path: '/departments', summary: '新建部门', access: staff },
  getDepartment: { method: 'get', path: '/departments/:id', summary: '查看部门', access: { ...readers, department: 'own' }, own: 'itself' },
  updateDepartment: { method: 'patch', path: '/departments/:id', summary: '修改部门信息', access: { ...staff, department: 'own' }, own: 'its own email' },
  getDepartmentScorecard: {
    method: 'get',
    path: '/departments/:id/scorecard',
    summary: '部门考核卡',
    access: { ...readers, department: 'own' },
    own: 'itself',
  },
  listStations: { method: 'get', path: '/stations', summary: '派出所列表', access: everyone },
  createStation: { method: 'post', path: '/stations', summary: '新建派出所', access: staff },
  getStation: { method: 'get', path: '/stations/:id', summary: '查看派出所', access: everyone },
  updateStation: { method: 'patch', path: '/stations/:id', summary: '修改派出所', access: staff },
  listBindings: {
    method: 'get',
    path: '/bindings',
    summary: '责任捆绑列表',
    access: { ...readers, leader: 'own', officer: 'own', department: 'own' },
    own: "one's own bindings",
  },
  createBinding: { method: 'post', path: '/bindings', summary: '建立责任捆绑', access: staff },
  getBinding: {
    method: 'get',
    path: '/bindings/:id',
    summary: '查看责任捆绑',
    access: { ...readers, leader: 'own', officer: 'own', department: 'own' },
    own: "one's own binding",
  },
  updateBinding: { method: 'patch', path: '/bindings/:id', summary: '结束责任捆绑', access: staff },
  listReassignments: { method: 'get', path: '/reassignments', summary: '调整岗位决定列表', access: { ...readers, officer: 'own' }, own: 'naming the officer' },
  getReassignment: {
    method: 'get',
    path: '/reassignments/:id',
    summary: '查看调整岗位决定',
    access: { ...readers, officer: 'own' },
    own: 'naming the officer',
  },
  confirmReassignment: { method: 'post', path: '/reassignments/:id/confirm', summary: '确认调整岗位', access: staff },
  overruleReassignment: { method: 'post', path: '/reassignments/:id/overrule', summary: '否决调整岗位', access: staff },

  // Figures, cycles and rules
  submitFigures: { method: 'post', path: '/metrics', summary: '报送考核数据', access: { department: 'own' }, own: 'the metrics the department supplies' },
  uploadFiguresCsv: {
    method: 'post',
    path: '/metrics/csv',
    summary: '以CSV报送考核数据',
    access: { department: 'own' },
    own: 'the metrics the department supplies',
  },
  // One county's figures: a province reader, who reads every county, has none to ask about.
  getFigureCompleteness: {
    method: 'get',
    path: '/metrics/completeness',
    summary: '考核数据报送情况',
    access: { 'bureau-staff': 'county', 'bureau-head': 'county' },
  },
  listFigures: { method: 'get', path: '/metrics', summary: '考核数据列表', access: { ...readers, department: 'own' }, own: 'its own submissions' },
  startCycle: { method: 'post', path: '/cycles', summary: '手动启动考核周期', access: staff },
  listCycles: { method: 'get', path: '/cycles', summary: '考核周期列表', access: everyone },
  getCycle: { method: 'get', path: '/cycles/:id', summary: '查看考核周期', access: everyone },
  getRuleSchema: { method: 'get', path: '/rulesets/schema', summary: '规则文档的JSON Schema', access: readers },
  listRuleFacts: { method: 'get', path: '/rulesets/facts', summary: '规则可用的事实', access: readers },
  validateRuleSet: { method: 'post', path: '/rulesets/validate', summary: '校验规则', access: staff },
  listRuleSets: { method: 'get', path: '/rulesets', summary: '规则版本列表', access: readers },
  diffRuleSets: { method: 'get', path: '/rulesets/diff', summary: '比较两个规则版本', access: readers },
  getRuleSet: { method: 'get', path: '/rulesets/:id', summary: '查看规则版本', access: readers },
  backtestRuleSet: { method: 'post', path: '/rulesets/:id/backtest', summary: '以历史数据回测规则', access: staff },
  backtestRuleSetDraft: { method: 'post', path: '/rulesets/backtest', summary: '保存前回测规则草稿', access: staff },
  createRuleSet: { method: 'post', path: '/rulesets', summary: '发布规则版本', access: staff },
  listAudit: { method: 'get', path: '/audit', summary: '审计日志', access: readers },

  // Results, notices and money
  getDecisionExplanation: {
    method: 'get',
    path: '/decisions/*id/explanation',
    summary: '决定的依据',
    access: { ...readers, finance: 'county', officer: 'own' },
    own: 'a decision naming the officer',
  },
  fileAppeal: { method: 'post', path: '/appeals', summary: '提出申诉', access: { officer: 'own' }, own: 'about their own office or decisions' },
  listAppeals: { method: 'get', path: '/appeals', summary: '申诉列表', access: { ...readers, officer: 'own' }, own: 'filed by the officer' },
  getAppeal: { method: 'get', path: '/appeals/:id', summary: '查看申诉', access: { ...readers, officer: 'own' }, own: 'filed by the officer' },
  decideAppeal: { method: 'post', path: '/appeals/:id/decision', summary: '裁决申诉', access: staff },
  listObligationAppeals: {
    method: 'get',
    path: '/obligations/*id/appeals',
    summary: '款项相关申诉',
    access: { ...readers, finance: 'county', officer: 'own' },
    own: 'their own money',
  },
  listEvaluations: {
    method: 'get',
    path: '/evaluations',
    summary: '考核结果',
    access: { ...readers, officer: 'own' },
    own: 'the offices the officer is or was bound to',
  },
  listDecisions: {
    method: 'get',
    path: '/decisions',
    summary: '奖惩决定列表',
    access: { ...readers, finance: 'county', officer: 'own' },
    own: 'naming the officer',
  },
  getDecision: {
    method: 'get',
    path: '/decisions/*id',
    summary: '查看奖惩决定',
    access: { ...readers, finance: 'county', officer: 'own' },
    own: 'naming the officer',
  },
  getPaymentReconciliation: {
    method: 'get',
    path: '/payments/reconciliation',
    summary: '兑现对账',
    access: { ...readers, finance: 'county' },
  },
  recordPayment: { method: 'post', path: '/payments', summary: '登记付款', access: { finance: 'county' } },
  confirmReceipt: { method: 'post', path: '/obligations/*id/receipt', summary: '确认收款', access: { officer: 'own' }, own: 'their own money' },
  disputePayment: { method: 'post', path: '/obligations/*id/disputes', summary: '对款项提出异议', access: { officer: 'own' }, own: 'their own money' },
  correctPayment: { method: 'post', path: '/obligations/*id/corrections', summary: '更正付款记录', access: { finance: 'county' } },
  listObligations: {
    method: 'get',
    path: '/obligations',
    summary: '应付款项列表',
    access: { ...readers, finance: 'county', officer: 'own' },
    own: 'their own money',
  },
  getObligation: {
    method: 'get',
    path: '/obligations/*id',
    summary: '查看应付款项',
    access: { ...readers, finance: 'county', officer: 'own' },
    own: 'their own money',
  },
  listNotices: {
    method: 'get',
    path: '/notices',
    summary: '通报列表',
    access: { ...readers, leader: 'own', officer: 'own', department: 'own', station: 'own', finance: 'own' },
    own: 'addressed to the caller',
  },
  acknowledgeNotice: {
    method: 'post',
    path: '/notices/*id/acknowledgements',
    summary: '签收通报',
    access: { 'bureau-head': 'own', leader: 'own', officer: 'own', department: 'own', station: 'own', finance: 'own' },
    own: 'addressed to the caller',
  },
  readInbox: { method: 'get', path: '/inbox', summary: '我的收件箱', access: themselves, own: 'addressed to the caller' },

  // Presence and the community's own records
  logVisit: { method: 'post', path: '/visits', summary: '登记驻社区工作日', access: { leader: 'own' }, own: "the leader's own days" },
  listVisits: {
    method: 'get',
    path: '/visits',
    summary: '驻社区工作日列表',
    access: { ...readers, leader: 'own', officer: 'own' },
    own: "the leader's own; visits to the officer's community",
  },
  getVisit: {
    method: 'get',
    path: '/visits/:id',
    summary: '查看驻社区工作日',
    access: { ...readers, leader: 'own', officer: 'own' },
    own: "the leader's own; visits to the officer's community",
  },
  answerVisit: {
    method: 'post',
    path: '/visits/:id/confirmation',
    summary: '确认或否认领导驻社区',
    access: { officer: 'own' },
    own: "visits to the officer's community",
  },
  listPresence: { method: 'get', path: '/presence', summary: '领导驻社区月度记录', access: { ...readers, leader: 'own' }, own: "the leader's own months" },
  getPresenceMonth: {
    method: 'get',
    path: '/presence/:leaderId/:month',
    summary: '查看领导驻社区月度记录',
    access: { ...readers, leader: 'own' },
    own: "the leader's own months",
  },
  recordDiversion: { method: 'post', path: '/diversions', summary: '登记抽调社区民警', access: { station: 'own' }, own: "the station's own officers" },
  listDiversions: {
    method: 'get',
    path: '/diversions',
    summary: '抽调记录列表',
    access: { ...readers, station: 'own', officer: 'own' },
    own: "the station's own records; the officer's own",
  },
  reportIncident: {
    method: 'post',
    path: '/incidents',
    summary: '报送警情',
    access: { ...staff, officer: 'own' },
    own: "the officer's community",
  },
  listIncidents: { method: 'get', path: '/incidents', summary: '警情列表', access: everyone },
  getIncident: { method: 'get', path: '/incidents/:id', summary: '查看警情', access: everyone },
  updateIncident: {
    method: 'patch',
    path: '/incidents/:id',
    summary: '更新警情(破案)',
    access: { ...staff, officer: 'own' },
    own: "the officer's community",
  },
  // Population register: key persons
  listKeyPersons: {
    method: 'get',
    path: '/register/communities/:communityId/key-persons',
    summary: '重点人口列表',
    access: registerReaders,
    own: registerOwn,
  },
  listKeyPerson: { method: 'post', path: '/register/persons/:id/key-person-listings', summary: '列管重点人口', access: registerReaders, own: registerKeeps },
  getKeyPerson: { method: 'get', path: '/register/key-persons/:id', summary: '查看重点人口档案', access: registerReaders, own: registerOwn },
  setHelpGroupMember: {
    method: 'put',
    path: '/register/key-persons/:id/help-group/:role',
    summary: '设定帮教小组成员',
    access: registerReaders,
    own: registerKeeps,
  },
  removeHelpGroupMember: {
    method: 'delete',
    path: '/register/key-persons/:id/help-group/:role',
    summary: '撤出帮教小组成员',
    access: registerReaders,
    own: registerKeeps,
  },
  logKeyPersonTalk: { method: 'post', path: '/register/key-persons/:id/talks', summary: '登记重点人口谈话', access: registerReaders, own: registerKeeps },
  delistKeyPerson: { method: 'post', path: '/register/key-persons/:id/delisting', summary: '撤销重点人口列管', access: registerReaders, own: registerKeeps },

  // Population register: records. Officers and stations keep their communities' register; the
  // population brigade (the department supplying the registration metric) reads every community's.
  listRegisterBuildings: {
    method: 'get',
    path: '/register/communities/:communityId/buildings',
    summary: '楼栋门牌列表',
    access: registerReaders,
    own: registerOwn,
  },
  createRegisterBuilding: {
    method: 'post',
    path: '/register/communities/:communityId/buildings',
    summary: '新建楼栋',
    access: registerReaders,
    own: registerKeeps,
  },
  listHouseholdCards: { method: 'get', path: '/register/communities/:communityId/cards', summary: '户卡列表', access: registerReaders, own: registerOwn },
  createHouseholdCard: { method: 'post', path: '/register/communities/:communityId/cards', summary: '新建户卡', access: registerReaders, own: registerKeeps },
  getHouseholdCard: { method: 'get', path: '/register/cards/:id', summary: '查看户卡', access: registerReaders, own: registerOwn },
  addPersonToCard: { method: 'post', path: '/register/cards/:id/persons', summary: '户卡登记人员', access: registerReaders, own: registerKeeps },
  listRegisterPersons: {
    method: 'get',
    path: '/register/communities/:communityId/persons',
    summary: '实有人口列表',
    access: registerReaders,
    own: registerOwn,
  },
  getRegisterPerson: { method: 'get', path: '/register/persons/:id', summary: '查看人员档案', access: registerReaders, own: registerOwn },
  updateRegisterPerson: { method: 'patch', path: '/register/persons/:id', summary: '修改人员信息', access: registerReaders, own: registerKeeps },
  changeResidence: {
    method: 'post',
    path: '/register/persons/:id/residence-changes',
    summary: '人员迁移、变更类别或注销',
    access: registerReaders,
    own: registerKeeps,
  },
  recordTemporaryPermit: { method: 'post', path: '/register/persons/:id/permits', summary: '登记暂住及居住证', access: registerReaders, own: registerKeeps },
  listRentedHomes: {
    method: 'get',
    path: '/register/communities/:communityId/rented-homes',
    summary: '出租房屋列表',
    access: registerReaders,
    own: registerOwn,
  },
  createRentedHome: {
    method: 'post',
    path: '/register/communities/:communityId/rented-homes',
    summary: '登记出租房屋',
    access: registerReaders,
    own: registerKeeps,
  },
  recordRentalInspection: {
    method: 'post',
    path: '/register/rented-homes/:id/inspections',
    summary: '登记出租房屋检查',
    access: registerReaders,
    own: registerKeeps,
  },
  endRentedHome: { method: 'post', path: '/register/rented-homes/:id/ending', summary: '出租房屋停租', access: registerReaders, own: registerKeeps },
  // Population register: derived rates
  getRegisterDerivation: {
    method: 'get',
    path: '/register/communities/:communityId/derivation',
    summary: '查看登记率与管控率的推算依据',
    access: registerReaders,
    own: registerOwn,
  },
  // Population register: reminders
  listRegisterBacklog: {
    method: 'get',
    path: '/register/backlog',
    summary: '人口登记待办统计',
    access: { ...readers, officer: 'own', station: 'own', department: 'own' },
    own: "the communities whose register the officer or station keeps, every community's for the population brigade; counts only",
  },
  // Population register: import and export
  importRegister: {
    method: 'post',
    path: '/register/communities/:communityId/imports',
    summary: '导入社区实有人口登记表(CSV/XLSX)',
    access: registerReaders,
    own: registerKeeps,
  },
  getRegisterImport: {
    method: 'get',
    path: '/register/imports/:id',
    summary: '查看登记表导入进度',
    access: registerReaders,
    own: registerOwn,
  },
  exportRegister: {
    method: 'get',
    path: '/register/communities/:communityId/export',
    summary: '导出社区实有人口登记表',
    access: registerReaders,
    own: registerOwn,
  },
} as const satisfies Record<string, RouteSpec>;

export type OperationId = keyof typeof routeTable;
export const operationIds = Object.keys(routeTable) as OperationId[];

/** The operations a role may call: what a user's access token may carry at most. */
export function operationsOf(role: Role): OperationId[] {
  return operationIds.filter((id) => {
    const access: Access = routeTable[id].access;
    return access !== 'anyone' && access[role] !== undefined;
  });
}
