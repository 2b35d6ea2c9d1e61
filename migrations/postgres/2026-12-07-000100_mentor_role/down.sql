-- Mentor accounts become coaches' (the narrowest staff role left).
UPDATE users SET role = 'coach' WHERE role = 'mentor';
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'coordinator', 'coach'));
