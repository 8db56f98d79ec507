// Interface messages of the export menu's datasets beyond the first three (which live with the
// importer's messages): cameras, the hotspot register, blind spots, saved plans, and why a result
// cannot be exported yet.

export const exportZhCN = {
  'export.cameras': '视频监控',
  'export.register': '重点地区台账（状态、期限、责任人、经过）',
  'export.blindSpots': '监控盲区',
  'export.plan': '选址方案：{name}',
  'export.unavailable.cells': '六边形汇总尚未算出',
  'export.unavailable.gistar': '先打开“显著热点（Gi*）”图层',
  'export.unavailable.blindSpots': '先打开“视频覆盖与盲区”图层',
} as const;

export const exportEn: Record<keyof typeof exportZhCN, string> = {
  'export.cameras': 'Cameras',
  'export.register': 'Hotspot register (state, deadline, responsible, history)',
  'export.blindSpots': 'Camera blind spots',
  'export.plan': 'Camera plan: {name}',
  'export.unavailable.cells': 'the hexagon counts are not computed yet',
  'export.unavailable.gistar': 'turn on the “Significant hotspots (Gi*)” layer first',
  'export.unavailable.blindSpots': 'turn on the “Camera coverage and blind spots” layer first',
};
