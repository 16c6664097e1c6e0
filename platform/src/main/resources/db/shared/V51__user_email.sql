-- Where a user's reminders go (期限提醒). Optional: a user without one gets none.
ALTER TABLE app_user ADD COLUMN email VARCHAR(200);
