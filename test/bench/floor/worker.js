// An empty worker that answers every message: the floor of a cold start.
chrome.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
  sendResponse({ result: {} });
});
