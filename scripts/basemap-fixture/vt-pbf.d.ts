// Types of vt-pbf (it ships none): geojson-vt tiles → Mapbox Vector Tile protobuf bytes.
declare module 'vt-pbf' {
  export function fromGeojsonVt(layers: Record<string, unknown>, options?: { version?: number; extent?: number }): Uint8Array;
}
