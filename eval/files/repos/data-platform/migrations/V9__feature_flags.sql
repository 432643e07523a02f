INSERT INTO feature_flags (key, salt, enabled) VALUES
  ('new-checkout', '18fa5b6f2d32a1d6', true),
  ('search-v2', '4d60401a8e993d23', false);
INSERT INTO api_clients (client_id, name) VALUES ('7d38f0ad-d9b0-42d9-86c3-3bfda652594f', 'partner-logistics');
