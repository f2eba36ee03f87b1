export const EN: Record<string, string> = {};
