/** Shapes the server procedures return (see src/server). */
export type Screen = {
  id: string;
  ownerUserId: string;
  name: string;
  address: string;
  area: string;
  lat: number;
  lng: number;
  venueType: string;
  resolution: { width: number; height: number };
  sizeMeters: { width: number; height: number };
  loopSeconds: number;
  spotSeconds: number;
  pricePerSpotHour: number;
  currency: string;
  hours: { open: string; close: string; timezone: string };
  impressionsPerPlay: number;
  status: string;
  reviewNote: string | null;
  health: {
    status: string;
    lastHeartbeatAt: string | null;
    appVersion: string | null;
    currentItem: string | null;
    uptimeSeconds: number | null;
    freeStorageBytes: number | null;
    clockOffsetMs: number | null;
  };
  photos: string[];
  freeSpots?: number | null;
  device?: { id: string; pairedAt: string | null } | null;
};

export type Quote = {
  spotsPerHour: number;
  hours: number;
  playsPerSpotHour: number;
  playsPerHour: number;
  totalPlays: number;
  estimatedImpressions: number;
  amount: number;
  platformFee: number;
  ownerShare: number;
  currency: string;
  availableSpots: number;
  capacity: number;
  fits: boolean;
};

export const VENUES = [
  "roadside",
  "mall",
  "airport",
  "transit",
  "office",
  "gym",
  "restaurant",
  "campus",
  "stadium",
  "other",
] as const;

export const DAYPARTS = [
  { id: "morning", label: "Morning 06–10", start: "06:00", end: "10:00" },
  { id: "midday", label: "Midday 10–14", start: "10:00", end: "14:00" },
  { id: "afternoon", label: "Afternoon 14–18", start: "14:00", end: "18:00" },
  { id: "evening", label: "Evening 18–22", start: "18:00", end: "22:00" },
] as const;
