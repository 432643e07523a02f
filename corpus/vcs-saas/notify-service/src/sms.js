'use strict';
const twilio = require('twilio');
const sgMail = require('@sendgrid/mail');

// Credentials always come from the environment; see .env.example for the names.
const client = twilio(process.env.TWILIO_API_KEY, process.env.TWILIO_API_SECRET, {
  accountSid: process.env.TWILIO_ACCOUNT_SID,
});
sgMail.setApiKey(process.env.SENDGRID_API_KEY);

async function sendSms(to, body) {
  return client.messages.create({
    to,
    body,
    messagingServiceSid: process.env.TWILIO_MESSAGING_SERVICE_SID,
  });
}

async function sendResetEmail(to, link) {
  return sgMail.send({
    to,
    from: process.env.SENDGRID_FROM,
    templateId: process.env.SENDGRID_TEMPLATE_RESET,
    dynamicTemplateData: { link },
  });
}

module.exports = { sendSms, sendResetEmail };
