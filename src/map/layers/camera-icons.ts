// Map: the camera symbol atlas, drawn once on a canvas in the page (no sprite file to fetch).
// Icons are masks: deck.gl tints them with the status colour; the shape tells the kind.
import type { CameraKind } from '../../model';

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
  url: string;
  mapping: Record<string, { x: number; y: number; width: number; height: number; mask: boolean; anchorY: number }>;
}

let atlas: IconAtlas | null = null;

/** Icon name for a camera: its kind, with "-down" for cameras that are not online (crossed out). */
export function cameraIconName(kind: CameraKind, online: boolean): string {
  return online ? kind : `${kind}-down`;
}

export function cameraIconAtlas(): IconAtlas {
  if (atlas) return atlas;
  const canvas = document.createElement('canvas');
  canvas.width = CELL * CAMERA_ICON_KINDS.length;
  canvas.height = CELL * 2;
  const g = canvas.getContext('2d')!;
  const mapping: IconAtlas['mapping'] = {};
  CAMERA_ICON_KINDS.forEach((kind, i) => {
    for (const down of [false, true]) {
      const x = i * CELL;
      const y = down ? CELL : 0;
      g.save();
      g.translate(x, y);
      g.beginPath();
      SHAPES[kind](g);
      g.fillStyle = '#fff';
      g.fill();
      if (down) {
        // Cut a cross out of the shape so a broken camera reads as broken even without colour.
        g.globalCompositeOperation = 'destination-out';
        g.lineWidth = 9;
        g.beginPath();
        g.moveTo(14, 14);
        g.lineTo(50, 50);
        g.moveTo(50, 14);
        g.lineTo(14, 50);
        g.stroke();
      }
      g.restore();
      mapping[cameraIconName(kind, !down)] = { x, y, width: CELL, height: CELL, mask: true, anchorY: CELL / 2 };
    }
  });
  atlas = { url: canvas.toDataURL('image/png'), mapping };
  return atlas;
}
