"""CGA Desk: geriatric assessment (Katz ADL, Lawton IADL, Charlson, IMWG frailty) for haematology clinics."""
