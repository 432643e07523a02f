-- initial accounts for the QA stack
INSERT INTO users (id, email, password_hash, role) VALUES
  (1, 'root@corp.internal', '$2b$10$ijHAB225R5ceIhvgvwpXSe.Swe6NjjWx8CHIlOyj2RC.cwXAWqiYm', 'admin'),
  (2, 'helpdesk@corp.internal', '$argon2id$v=19$m=65536,t=3,p=4$d/vQGVdXlghuy/pwvF2a8A$BbGwaZvFFjnOdF9EQc+UOfl6sOFbTLD8wtZg4pA5jcM', 'support');
