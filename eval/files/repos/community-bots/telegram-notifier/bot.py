import logging
from telegram.ext import ApplicationBuilder, CommandHandler

logging.basicConfig(level=logging.INFO)

BOT_TOKEN = "7182830252:AAvVHbzOTNuFadT1puT7jF7lzrZuPA3L7r5"
ADMIN_CHAT_ID = -1001719811550


async def start(update, context):
    await update.message.reply_text("Deploy notifications enabled.")


app = ApplicationBuilder().token(BOT_TOKEN).build()
app.add_handler(CommandHandler("start", start))
app.run_polling()
