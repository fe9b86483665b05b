namespace Omnichannel.Functions.Tests;
