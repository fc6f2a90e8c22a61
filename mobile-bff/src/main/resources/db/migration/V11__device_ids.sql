-- A device is named in the API by an id of its own (DELETE /api/v1/me/devices/{id}): the FCM token,
-- a credential to push to the phone, never travels in a path, where access logs and proxies keep it.
-- Existing devices get one now; their apps learn it by registering again (POST answers the id).
ALTER TABLE device ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE device ADD CONSTRAINT device_id_unique UNIQUE (id);
