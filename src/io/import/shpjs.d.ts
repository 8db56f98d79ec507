// Types of shpjs (it ships none): a zipped Shapefile (or its parts) → GeoJSON in WGS-84.
declare module 'shpjs' {
  type Input = ArrayBuffer | ArrayBufferView | string | { shp: ArrayBufferView | ArrayBuffer; dbf?: ArrayBufferView | ArrayBuffer; prj?: ArrayBufferView | ArrayBuffer | string; cpg?: ArrayBufferView | ArrayBuffer | string };
  export default function shp(input: Input): Promise<unknown>;
}
