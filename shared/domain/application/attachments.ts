// What an application's attachments may be (the schema's enum and the stored entity share it).
export const ATTACHMENT_KINDS = ['receiver-licence', 'method-statement', 'contract', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
