// Map: the camera symbol atlas, drawn once on a canvas in the page (no sprite file to fetch).
// Online cameras are masks tinted blue, the shape telling the kind; cameras that are not online
// are badges in their own colours (see drawBadge).
import type { CameraKind, CameraStatus } from '../../model';
import { CAMERA_STATUS_COLORS } from '../colors';

const CELL = 64;
export const CAMERA_ICON_KINDS: CameraKind[] = ['street-bullet', 'street-dome', 'checkpoint', 'traffic', 'social', 'village-alarm'];

type Draw = (g: CanvasRenderingContext2D) => void;
const SHAPES: Record<CameraKind, Draw> = {
  // A wedge pointing north: rotated by the camera's heading, it shows where the camera looks.
  'street-bullet': (g) => {
    g.moveTo(32, 4);
    g.lineTo(54, 56);
    g.lineTo(32, 44);
    g.lineTo(10, 56);
    g.closePath();
  },
  'street-dome': (g) => g.arc(32, 32, 24, 0, Math.PI * 2),
  checkpoint: (g) => g.rect(10, 10, 44, 44),
  traffic: (g) => {
    g.moveTo(32, 4);
    g.lineTo(60, 32);
    g.lineTo(32, 60);
    g.lineTo(4, 32);
    g.closePath();
  },
  social: (g) => g.arc(32, 32, 15, 0, Math.PI * 2),
  'village-alarm': (g) => {
    g.moveTo(32, 6);
    g.lineTo(58, 54);
    g.lineTo(6, 54);
    g.closePath();
  },
};

export interface IconAtlas {
  /**
   * The drawn canvas itself, not a data URL: deck.gl loads a URL asynchronously (decoded behind
   * the GPU process's queue), and after a context loss the rebuilt overlay's cameras waited
   * seconds for it; a canvas is uploaded with the first frame.
   */
  image: HTMLCanvasElement;
  mapping: Record<string, { x: number; y: number; width: number; height: number; mask: boolean; anchorY: number }>;
}

let atlas: IconAtlas | null = null;

/**
 * Icon name for a camera: its kind when online (a mask tinted blue), else the badge of its
 * status ("badge-offline", "badge-faulty"), whatever its kind.
 */
export function cameraIconName(kind: CameraKind, status: CameraStatus): string {
  return status === 'online' ? kind : `badge-${status}`;
}

/**
 * A camera that is not online is a filled badge, drawn in its own colours (not a mask): a disc
 * in the status colour inside a white ring and a dark rim, so it stands out on a light or a dark
 * basemap and over any area fill; offline carries a white ×, faulty a dark "!", so the two differ
 * without colour too.
 */
function drawBadge(g: CanvasRenderingContext2D, status: Exclude<CameraStatus, 'online'>): void {
  const c = CELL / 2;
  g.beginPath();
  g.arc(c, c, 29, 0, Math.PI * 2);
  g.fillStyle = 'rgba(20, 20, 20, 0.85)';
  g.fill();
  g.beginPath();
  g.arc(c, c, 26, 0, Math.PI * 2);
  g.fillStyle = '#fff';
  g.fill();
  g.beginPath();
  g.arc(c, c, 21, 0, Math.PI * 2);
  g.fillStyle = CAMERA_STATUS_COLORS[status];
  g.fill();
  g.lineCap = 'round';
  if (status === 'offline') {
    g.strokeStyle = '#fff';
    g.lineWidth = 7;
    g.beginPath();
    g.moveTo(c - 9, c - 9);
    g.lineTo(c + 9, c + 9);
    g.moveTo(c + 9, c - 9);
    g.lineTo(c - 9, c + 9);
    g.stroke();
  } else {
    g.strokeStyle = '#1a1a1a';
    g.fillStyle = '#1a1a1a';
    g.lineWidth = 7;
    g.beginPath();
    g.moveTo(c, c - 12);
    g.lineTo(c, c + 3);
    g.stroke();
    g.beginPath();
    g.arc(c, c + 11, 4, 0, Math.PI * 2);
    g.fill();
  }
}

const BADGES = ['offline', 'faulty'] as const;

export function cameraIconAtlas(): IconAtlas {
  if (atlas) return atlas;
  const canvas = document.createElement('canvas');
  canvas.width = CELL * CAMERA_ICON_KINDS.length;
  canvas.height = CELL * 2;
  const g = canvas.getContext('2d')!;
  const mapping: IconAtlas['mapping'] = {};
  CAMERA_ICON_KINDS.forEach((kind, i) => {
    const x = i * CELL;
    g.save();
    g.translate(x, 0);
    g.beginPath();
    SHAPES[kind](g);
    g.fillStyle = '#fff';
    g.fill();
    g.restore();
    mapping[kind] = { x, y: 0, width: CELL, height: CELL, mask: true, anchorY: CELL / 2 };
  });
  BADGES.forEach((status, i) => {
    const x = i * CELL;
    g.save();
    g.translate(x, CELL);
    drawBadge(g, status);
    g.restore();
    mapping[`badge-${status}`] = { x, y: CELL, width: CELL, height: CELL, mask: false, anchorY: CELL / 2 };
  });
  atlas = { image: canvas, mapping };
  return atlas;
}
