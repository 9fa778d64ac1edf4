-- portals: which account a customer's or partner's login acts for ----------------------------------

CREATE TABLE portal_member (
    user_id     UUID PRIMARY KEY REFERENCES user_account (id),
    account_id  UUID NOT NULL REFERENCES account (id),
    kind        TEXT NOT NULL CHECK (kind IN ('CUSTOMER', 'PARTNER')),
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX portal_member_account_idx ON portal_member (account_id);
