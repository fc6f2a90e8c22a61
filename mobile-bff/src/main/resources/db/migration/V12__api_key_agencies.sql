-- The agencies an agent's key may file dossiers for: POST /api/v1/agent/dossiers refuses any other
-- agencyCode (403). Empty for the city system's keys, which file for every agency.
ALTER TABLE api_key ADD COLUMN agencies text[] NOT NULL DEFAULT '{}';

-- Existing agent keys keep filing what they filed: each gets the agency codes of the dossiers its
-- client has filed so far. An agent key that has filed nothing gets none, and files nothing until
-- the Center makes it a key naming its agencies (see mobile-bff/README.md).
UPDATE api_key k
SET agencies = coalesce((SELECT array_agg(DISTINCT d.agency_code::text ORDER BY d.agency_code::text)
                         FROM dossier d WHERE d.filed_by_client = k.client_id), '{}')
WHERE k.kind = 'agent';
