// UI: a camera kind's symbol as small inline SVG, matching the map's icon shapes.
import type { CameraKind } from '../model';

const PATHS: Record<CameraKind, string> = {
  'street-bullet': 'M8 1 L14 14 L8 11 L2 14 Z',
  'street-dome': 'M8 2 A6 6 0 1 1 7.99 2 Z',
  checkpoint: 'M2.5 2.5 H13.5 V13.5 H2.5 Z',
  traffic: 'M8 1 L15 8 L8 15 L1 8 Z',
  social: 'M8 4.3 A3.7 3.7 0 1 1 7.99 4.3 Z',
  'village-alarm': 'M8 1.5 L14.5 13.5 H1.5 Z',
};

export function CameraGlyph({ kind, color }: { kind: CameraKind; color: string }) {
  return (
    <svg className="glyph" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path d={PATHS[kind]} fill={color} />
    </svg>
  );
}
