import asana

configuration = asana.Configuration()
configuration.access_token = "2/6610755318233620/8209810676177336:0a04a2e4587bac21e7c3516251248e46"
client = asana.ApiClient(configuration)
WORKSPACE_GID = "7084155178167906"
