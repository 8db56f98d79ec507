// CLI: the usage text. Flags and output columns are a stable contract that other tools test.

export const USAGE = `平安一张图 Safety One-Map — command line

Usage:
  npm run cli -- <command> [options]
  npx tsx src/cli/main.ts <command> [options]

Commands:
  aggregate   incidents per H3 cell; writes h3,count (one row per non-empty cell)
  hotspots    Getis–Ord Gi* hot and cold spots on H3 cells; writes h3,count,z,p,class,q
  coverage    H3 cells whose centre a camera sees; writes h3 (one covered cell per row)
  site        choose K new camera sites covering the most uncovered incidents; writes GeoJSON
  validate    check a file to import (CSV, XLSX, GeoJSON, Shapefile zip); writes a report of
              every row and, with --out, the accepted rows cleaned

Options of aggregate, hotspots and site:
  --incidents FILE...     incident CSV file(s), UTF-8 or GBK; repeat the flag or list several
  --res N                 H3 resolution, 0–15 (required)
  --from T                keep incidents at or after T (inclusive)
  --to T                  keep incidents before T (exclusive)
  --category NAME         keep incidents of this category (exact text of the category column);
                          repeat for several
  --tz ZONE               IANA time zone of times written without an offset, in the rows and in
                          --from/--to (default Asia/Shanghai)
  --lat COL  --lon COL  --time COL  --category-column COL
                          column names, when detection from the header is not enough
                          (detected: lat/latitude/纬度/y, lon/lng/longitude/经度/x,
                          datetime/time/date/发案时间/报警时间/案发时间,
                          category/type/primary_type/案件类别/警情类别/案由)
  --crs WGS84|CGCS2000|GCJ02|BD09
                          coordinate system of the file (default WGS84); converted to WGS-84
  --encoding auto|utf-8|gbk
                          text encoding (default auto: UTF-8 with or without BOM, else GBK)
  --delimiter C           field delimiter (default: guessed among comma, tab, ; and |)
  --out FILE              output CSV (default: standard output)
  --rejects FILE          write every rejected row to FILE as file,line,reason
  -h, --help              print this text

Options of hotspots:
  --k N                   neighbourhood of a cell: the cells within N rings, 0–64 (default 1)
  --boundary FILE         GeoJSON Polygon, MultiPolygon or FeatureCollection of them: the study
                          area is every cell whose centre lies inside (h3 polygonToCells), empty
                          ones included; neighbours outside it do not count, and incidents in
                          other cells are left out (their number is printed on standard error).
                          Without it: every cell within k rings of a non-empty cell
  q is the Benjamini–Hochberg adjusted p over every cell of the study area; class comes from q
  (hot/cold at 99/95/90 % for q < 0.01/0.05/0.10) and the sign of z

Options of coverage (instead of the incident options above):
  --cameras FILE          camera CSV, columns id,lat,lon,heading,fov,range,status (required);
                          heading in degrees clockwise from north, fov in degrees (360: all
                          round), range in metres, status online/offline/faulty. Missing
                          heading/fov/range/status columns or cells: 0, 360, 100, online
  --res N                 H3 resolution, 0–15 (required)
  --buildings FILE        GeoJSON of building footprints (Polygon/MultiPolygon features): a
                          cell whose centre lies behind or inside a building, seen from the
                          camera, is not covered by it
  --include-faulty        count offline and faulty cameras too ("if they were repaired")
  --id-column COL  --lat COL  --lon COL  --heading COL  --fov COL  --range COL  --status COL
                          camera column names, when they differ
  --out FILE              output CSV (default: standard output)
  A cell is covered when its centre is within range (great circle, R = 6,371,008.8 m) and
  within heading ± fov/2 of a counted camera, and no building edge lies between them.

Options of site (with the incident options above):
  --cameras FILE          existing cameras, columns as for coverage (required); the cells an
                          online one covers are not demand
  --k K                   number of sites to choose (required)
  --candidates FILE       candidate sites, columns id,lat,lon (optional heading, fov, range,
                          cost); only those are considered. Without it the candidates are the
                          centres of the uncovered cells with incidents
  --range M               range of a new camera, metres (default 100)
  --fov DEG               field of view of a new camera, degrees (default 360, all round;
                          heading 0 = north unless the candidates have a heading column)
  --min-spacing M         minimum great-circle distance between two chosen sites (default 0)
  --out FILE              output GeoJSON (default: standard output)
  Demand: the incidents (under --from/--to/--category) in cells at --res that no online camera
  covers. Sites are chosen by lazy greedy (CELF), within 1 − 1/e of the optimum. Output: a
  FeatureCollection with one Point per site in the order chosen, properties rank, gain (incidents
  newly covered by it), cumulative, and id (with --candidates) or h3 (the cell it stands in).
  Fewer than K when no candidate adds an incident.

Options of validate:
  npm run cli -- validate FILE --kind incidents|cameras|grids [--crs wgs84|gcj02|bd09]
      [--encoding auto|utf8|gbk] [--tz ZONE] [--lat C --lon C --time C --category C]
      [--id-column C --name-column C] --report report.json [--out clean.csv]
  --report FILE           JSON {"total","accepted","rejected":[{"line","reason"}]}; line is the
                          record's first line (header = line 1; a quoted field over several
                          lines counts them), reason in English (reason_zh, codes, detail too)
  --out FILE              accepted rows as UTF-8 CSV: lat,lon,time,category then the file's
                          other columns (incidents), WGS-84, time ISO 8601 with offset in --tz;
                          cameras lat,lon,id,name,kind,status,heading,fov,range; grids
                          id,name,geometry (GeoJSON) and the properties

Times, in rows and in --from/--to: 2024-05-08 14:30, 2024/5/8, 2024年5月8日 14时30分,
ISO 8601 (2024-05-08T14:30:00, optional seconds and offset), 20240508[1430[00]], Excel serials.

Output rows are sorted by h3 (string order). Rows that cannot be read are counted and the first
20 listed on standard error as FILE:LINE: reason. Exit status: 0 done, 1 a file could not be
read or written, 2 bad arguments.
`;
