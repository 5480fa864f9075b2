-- The school key link's email address, for the To line of templates 1 and 2 (optional: the add-in asks for it
-- when it is missing).
ALTER TABLE cases ADD COLUMN key_link_email text CHECK (key_link_email IS NULL OR length(key_link_email) <= 254);
