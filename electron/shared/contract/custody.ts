// Excel, backups, attachments and department merge (excel.*, backup.*, attachments.*).
export const custodyContract = {};
