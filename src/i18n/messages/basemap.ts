// Interface messages of the basemap: a local tile file picked in the import dialog, and what
// could not be used (config.json, a file) — the detail itself is technical English for IT staff.

export const basemapZhCN = {
  'basemap.file': '本地底图文件',
  'basemap.file.hint': '.pmtiles 或 .mbtiles（矢量瓦片需为 Protomaps 底图格式，也可为 PNG/JPEG/WebP 栅格瓦片）；在本浏览器中保留，刷新后仍使用',
  'basemap.current': '当前底图：{name}',
  'basemap.current.dataset': '当前底图：数据集自带',
  'basemap.clear': '恢复默认底图',
  'basemap.problem': '底图无法使用，仍显示原底图：',
} as const;

export const basemapEn: Record<keyof typeof basemapZhCN, string> = {
  'basemap.file': 'Local basemap file',
  'basemap.file.hint': '.pmtiles or .mbtiles (vector tiles in the Protomaps basemap schema, or PNG/JPEG/WebP raster tiles); kept in this browser across reloads',
  'basemap.current': 'Basemap: {name}',
  'basemap.current.dataset': "Basemap: the dataset's own",
  'basemap.clear': 'Back to the default basemap',
  'basemap.problem': 'Basemap could not be used; the previous one stays:',
};
