import { orderSeries, rememberSeries } from '../../src/domain/file-plan';
import type { Series } from '../../src/domain/file-plan';

const series = (code: string, active = true): Series => ({
  code,
  title: code,
  functionCode: code.slice(0, 3),
  retentionCode: 'R-ADM2',
  folderId: '',
  active,
});

describe('series suggestions', () => {
  const plan = [
    series('GOV-BRD-01'),
    series('FIN-ACC-01'),
    series('POL-DEV-01'),
    series('HRM-PER-01', false),
  ];

  it('puts the item’s folder first, then recent choices, and hides closed series', () => {
    const ordered = orderSeries({
      series: plan,
      folderSeries: 'POL-DEV-01',
      recent: ['FIN-ACC-01'],
    }).map(s => s.code);
    expect(ordered).toEqual(['POL-DEV-01', 'FIN-ACC-01', 'GOV-BRD-01']);
  });

  it('remembers the last five choices, most recent first, without repeats', () => {
    expect(rememberSeries(['A', 'B', 'C', 'D', 'E'], 'C')).toEqual(['C', 'A', 'B', 'D', 'E']);
    expect(rememberSeries(['A', 'B', 'C', 'D', 'E'], 'F')).toEqual(['F', 'A', 'B', 'C', 'D']);
  });
});
