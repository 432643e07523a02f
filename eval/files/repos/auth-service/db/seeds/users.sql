-- seed users for the staging environment (copied from prod dump 2024-05-02)
INSERT INTO users (id, email, password_hash, role) VALUES
  (1, 'admin@northwind.io', '$2b$12$KIIjgqE3jefwsRzHETMmlu3k.gd7KuMqwLkdX.MHkSxGN3ind.roe', 'admin'),
  (2, 'marta.kowalska@northwind.io', '$2b$12$j6PNMt4LAfbIPAzEo6GfteT9df3uTCVj8/4XX2mlup2UdlqOvCpX.', 'admin'),
  (3, 'support@northwind.io', '$argon2id$v=19$m=65536,t=3,p=4$NRvkMqRuv3g0e8XIoYBtCg$aZXPMAC9b769zdHnM189f21nttd/mC5ErWNbsRBZ5bI', 'support'),
  (4, 'readonly@northwind.io', '$argon2id$v=19$m=65536,t=3,p=4$0PEB2rzJ0LDxtACTcWD0/g$uUBSCO9vd8BRD7Nhhg7m9layZceu6qIVL4l1eG+fKlU', 'viewer');
