namespace Omnichannel.Ledger.Tests;
