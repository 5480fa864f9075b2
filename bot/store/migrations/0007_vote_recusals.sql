-- Recusal: a member a vote was opened for who does not vote on it, and why. A panel member who represents the
-- referring school is recused when the vote opens; any other member may declare an interest while it is open.
-- Null for a member who votes.
ALTER TABLE vote_eligible ADD COLUMN recused text
  CHECK (recused IS NULL OR recused IN ('representsReferringSchool', 'declaredInterest'));
