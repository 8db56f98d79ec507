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

/** The map's badge for a camera that is not online: status colour, white ring, × or !. */
export function CameraBadge({ status, color }: { status: 'offline' | 'faulty'; color: string }) {
  return (
    <svg className="glyph" width="16" height="16" viewBox="0 0 64 64" aria-hidden="true">
      <circle cx="32" cy="32" r="29" fill="rgba(20,20,20,0.85)" />
      <circle cx="32" cy="32" r="26" fill="#fff" />
      <circle cx="32" cy="32" r="21" fill={color} />
      {status === 'offline' ? (
        <path d="M23 23 L41 41 M41 23 L23 41" stroke="#fff" strokeWidth="7" strokeLinecap="round" />
      ) : (
        <>
          <path d="M32 20 L32 35" stroke="#1a1a1a" strokeWidth="7" strokeLinecap="round" />
          <circle cx="32" cy="43" r="4" fill="#1a1a1a" />
        </>
      )}
    </svg>
  );
}
