// The demo county: the ten communities of the scenario county-2026 (docs/SCENARIO.md), with
// the six two-officer teams of the most populous or complex offices and four single officers.
// Ids match the scenario file so its expected outcomes can be checked against a seeded database.
// The officers belong to three police stations (派出所), so that station users have officers.

import type { CountyRegistry } from './counties.js';

/** The county the demo seed creates: one county public-security bureau. */
export const demoCountyRecord = { id: 'demo', name: '示范县公安局' };

export interface DemoCommunity {
  id: string;
  name: string;
  population: number;
  complexity: number;
  officers: string[];
  leader: string;
  department: string;
  /** The station of the community's officers. */
  station: string;
}

const community = (id: string, name: string, population: number, complexity: number, officers: string[], n: string): DemoCommunity => ({
  id,
  name,
  population,
  complexity,
  officers,
  leader: `L${n}`,
  department: `D${n}`,
  station: Number(n) <= 4 ? 'chengguan' : Number(n) <= 6 ? 'tuojiang' : 'xinqu',
});

export const demoCommunities: DemoCommunity[] = [
  community('c01', '小江口', 7000, 5, ['o01', 'o02'], '01'),
  community('c02', '城中', 28500, 1, ['o03', 'o04'], '02'),
  community('c03', '濂溪', 11000, 1, ['o05', 'o06'], '03'),
  community('c04', '荷叶塘', 18500, 4, ['o07', 'o08'], '04'),
  community('c05', '沱江', 18000, 4, ['o09', 'o10'], '05'),
  community('c06', '东门', 28000, 2, ['o11', 'o12'], '06'),
  community('c07', '西岸', 6000, 4, ['o13'], '07'),
  community('c08', '南桥', 3500, 4, ['o14'], '08'),
  community('c09', '北塔', 16500, 5, ['o15'], '09'),
  community('c10', '新区', 27000, 1, ['o16'], '10'),
];

const two = (n: number) => String(n).padStart(2, '0');

/** The stations: 城关 has the officers of c01–c04, 沱江 those of c05–c06, 新区 those of c07–c10. */
export const demoStations = [
  { id: 'chengguan', name: '城关派出所' },
  { id: 'tuojiang', name: '沱江派出所' },
  { id: 'xinqu', name: '新区派出所' },
];

/** 民警01 … 民警16, as in the scenario, each with the station of their community. */
export const demoOfficers = demoCommunities.flatMap((c) => c.officers.map((id) => ({ id, name: `民警${id.slice(1)}`, stationId: c.station })));

/** 局领导01 … 局领导10. */
export const demoLeaders = demoCommunities.map((_, i) => ({ id: `L${two(i + 1)}`, name: `局领导${two(i + 1)}` }));

/** The liaison departments D01 … D10, one per community. */
export const demoLiaisonDepartments = ['政工室', '治安大队', '户政股', '人口大队', '刑侦大队', '法制室', '指挥中心', '督察大队', '交警大队', '国保大队'].map(
  (name, i) => ({ id: `D${two(i + 1)}`, name }),
);

// The default rule set names these as the sources of the figures (who must submit what).
// They are the same units as D01, D02 and D04 acting in their reporting role; kept as separate
// ids so that the liaison ids stay those of the scenario.
export const demoSourceDepartments = [
  { id: 'zhengong', name: '政工室（考评数据报送）' },
  { id: 'zhian', name: '治安大队（考评数据报送）' },
  { id: 'renkou', name: '人口大队（考评数据报送）' },
];

/** The bootstrap token's user: bureau staff of the demo county. */
export const bureauUser = { id: 'bureau', name: '县公安局' };

/** The demo county as the registry writer takes it (a county id other than `demo` for tests). */
export function demoRegistry(county: { id: string; name: string } = demoCountyRecord): CountyRegistry {
  return {
    county,
    stations: demoStations,
    communities: demoCommunities,
    officers: demoOfficers,
    leaders: demoLeaders,
    departments: [...demoLiaisonDepartments, ...demoSourceDepartments],
  };
}
