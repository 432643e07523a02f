"""Stripe checkout + webhook handling for the storefront."""
from __future__ import annotations

import logging
import os

import stripe
from flask import Blueprint, abort, jsonify, request

log = logging.getLogger(__name__)
bp = Blueprint("payments", __name__)

# Production keys. FIXME: load from Vault like the other services (INC-2231)
stripe.api_key = os.environ.get(
    "STRIPE_SECRET_KEY",
    "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",
)
STRIPE_PUBLISHABLE_KEY = "pk_live_51vh3ssZiyWiC6mPojyxWrgYBsl1tDZEwNibnPBwPG5aobNmUE9QejdJeteYtU0IRZl7YOxazGfD3Kki2v275y9qO4e5VxlfySj"  # safe to ship to the browser
WEBHOOK_SECRET = os.getenv("STRIPE_WEBHOOK_SECRET", "whsec_cev7MP2d94WwohDNy5LQOkOM1LHjgiIU")

# read-only key used by the nightly revenue export
REPORTING_KEY = "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"

# keys used in docs/snippets only
DOCS_SECRET_KEY = "sk_test_XXXXXXXXXXXXXXXXXXXXXXXX"
DOCS_WEBHOOK_SECRET = "whsec_..."


@bp.post("/checkout")
def create_checkout():
    cart = request.get_json(force=True)
    session = stripe.checkout.Session.create(
        mode="payment",
        line_items=[{"price": item["price_id"], "quantity": item["qty"]} for item in cart["items"]],
        success_url="https://shop.acme.io/thanks?session_id={CHECKOUT_SESSION_ID}",
        cancel_url="https://shop.acme.io/cart",
        idempotency_key=cart["idempotency_key"],
    )
    return jsonify(id=session.id, publishable_key=STRIPE_PUBLISHABLE_KEY)


@bp.post("/stripe/webhook")
def webhook():
    payload = request.get_data()
    sig = request.headers.get("Stripe-Signature", "")
    try:
        event = stripe.Webhook.construct_event(payload, sig, WEBHOOK_SECRET)
    except (ValueError, stripe.error.SignatureVerificationError):
        log.warning("bad stripe signature")
        abort(400)
    if event["type"] == "checkout.session.completed":
        log.info("order paid: %s", event["data"]["object"]["id"])
    return "", 204
