/** 2000-01-01 00:00 in MS-DOS form, the only date a zip entry carries. */
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;

/**
 * exceljs's zip writer stamps every entry with the time of writing, so the same workbook written
 * twice differs in a few bytes (used by the section workbook and the published report's .xlsx). This sets every entry's date in place (headers are not covered by
 * the CRC), so the same data always gives the same file. Returns the buffer unchanged if it is
 * not a zip this function understands.
 */
export function withFixedZipDates(zip: Buffer): Buffer {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || zip.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) return zip;
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_ENTRY) return zip;
    zip.writeUInt16LE(DOS_TIME, at + 12);
    zip.writeUInt16LE(DOS_DATE, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) === LOCAL_ENTRY) {
      zip.writeUInt16LE(DOS_TIME, local + 10);
      zip.writeUInt16LE(DOS_DATE, local + 12);
    }
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}
