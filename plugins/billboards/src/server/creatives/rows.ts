export type CreativeRow = {
  id: string;
  screen_id: string;
  advertiser_user_id: string;
  name: string;
  storage_key: string;
  content_type: string;
  size_bytes: string;
  sha256: string;
  width: number;
  height: number;
  duration_ms: number;
  status: string;
  review_note: string | null;
  created_at: string;
};

export const creativeColumns = (a: string) =>
  `${a}.id, ${a}.screen_id, ${a}.advertiser_user_id, ${a}.name, ${a}.storage_key, ${a}.content_type,
   ${a}.size_bytes, ${a}.sha256, ${a}.width, ${a}.height, ${a}.duration_ms, ${a}.status,
   ${a}.review_note, to_json(${a}.created_at) #>> '{}' as created_at`;

export function toCreative(r: CreativeRow) {
  return {
    id: r.id,
    screenId: r.screen_id,
    advertiserUserId: r.advertiser_user_id,
    name: r.name,
    key: r.storage_key,
    contentType: r.content_type,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    width: r.width,
    height: r.height,
    durationMs: r.duration_ms,
    status: r.status,
    reviewNote: r.review_note,
    createdAt: r.created_at,
  };
}
