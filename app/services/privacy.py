"""Privacy events that are not edits: showing a patient's identity on a screen others can see."""

from __future__ import annotations

from app.domain.patient_rules import clean_text
from app.records import Actor
from app.services import audit_chain
from app.services.base import Service
from app.services.meeting_common import get_case


class PrivacyService(Service):
    def record_unmask(self, actor: Actor, case_id: int, where: str = "presentation") -> None:
        """Who showed which patient's identity, where and when (PIPL art. 28: sensitive data, logged).

        Called before the identity appears, so a refused permission or a failed write keeps it masked.
        Written straight to the audit chain: an unmask on a demo folder does not turn it into real data.
        """
        self.require(actor, "identity.unmask")
        place = clean_text(where, 40, "where") or "presentation"
        with self.db.session() as s:
            c = get_case(s, case_id)
            audit_chain.record(s, actor, "unmask", "patient", c.patient_id, case_id=c.id, patient_id=c.patient_id,
                               new={"case_no": c.case_no, "where": place})
