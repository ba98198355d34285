// The heavy libraries, imported when first needed rather than at start-up
// (exceljs alone takes ≈200 ms and tens of MB to load; a list page never needs it).
export const loadExcelJS = async () => (await import('exceljs')).default;
export const loadJSZip = async () => (await import('jszip')).default;
