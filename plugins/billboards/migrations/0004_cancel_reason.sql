-- Why a booking was cancelled when the advertiser did not cancel it themselves (the owner
-- rejected its creative, or left it unreviewed until the first booked hour): shown to both.
alter table bookings add column cancel_reason text;
