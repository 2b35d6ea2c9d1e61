-- The mentor account role: mentors and facilitators who sign in see only the entrepreneurs
-- they accompany.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'coordinator', 'coach', 'mentor'));
