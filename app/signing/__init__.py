"""Keys, certificates and signatures of the treatment-plan PDFs (电子签名法 §13), without Qt or the database.

The services (handwriting, credentials, documents) hold the records; this package holds the cryptography:
password-derived encryption (secret_box), the hospital CA (ca), user key pairs and PKCS#12 (user_keys),
PAdES signing and verification with pyHanko (pades_sign, pades_verify), the printed verification code
(verification_code), who must sign (signing_policy) and re-encryption on a password change (rekey).
"""
